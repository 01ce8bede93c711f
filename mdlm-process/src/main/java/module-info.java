/**
 * The diffusion process: noise schedules, the absorbing forward process, time sampling,
 * parameterizations (SUBS) and the training engine (AdamW, warmup, clipping, EMA, checkpoints,
 * NELBO evaluation).
 */
module org.mdlm.process {
    requires transitive org.mdlm.api;

    exports org.mdlm.process.schedule;
    exports org.mdlm.process.forward;
    exports org.mdlm.process.param;
    exports org.mdlm.process.train;

    provides org.mdlm.api.schedule.NoiseScheduleProvider with org.mdlm.process.schedule.LogLinearScheduleProvider;
    provides org.mdlm.api.model.ParameterizationProvider with org.mdlm.process.param.SubsProvider;
}
