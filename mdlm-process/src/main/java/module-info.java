/**
 * The diffusion process as plugins: noise schedules, the absorbing forward process, time sampling
 * and the objectives (parameterizations) that own their training route.
 */
module org.mdlm.process {
    requires transitive org.mdlm.api;

    exports org.mdlm.process.schedule;
    exports org.mdlm.process.forward;
    exports org.mdlm.process.param;

    provides org.mdlm.api.schedule.NoiseScheduleProvider with org.mdlm.process.schedule.LogLinearScheduleProvider,
            org.mdlm.process.schedule.LinearScheduleProvider, org.mdlm.process.schedule.CosineScheduleProvider,
            org.mdlm.process.schedule.CosineSquaredScheduleProvider, org.mdlm.process.schedule.GeometricScheduleProvider,
            org.mdlm.process.schedule.PolynomialScheduleProvider;
    provides org.mdlm.api.model.ParameterizationProvider with org.mdlm.process.param.SubsProvider,
            org.mdlm.process.param.ArProvider, org.mdlm.process.param.D3pmProvider,
            org.mdlm.process.param.SeddProvider, org.mdlm.process.param.PlaidProvider;
}
