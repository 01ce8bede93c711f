package org.mdlm.cli.run;

import org.mdlm.api.domain.Domain;
import org.mdlm.api.model.Backbone;
import org.mdlm.api.model.Parameterization;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.engine.ModelSpec;

/**
 * The components of one run, created by their providers from a resolved config.
 *
 * @param domain the data domain
 * @param schedule the noise schedule
 * @param parameterization the parameterization
 * @param backbone the network
 * @param sampler the sampler used after training
 */
public record Pipeline(Domain domain, NoiseSchedule schedule, Parameterization parameterization, Backbone backbone,
                       Sampler sampler) {

    /** Creates every component of {@code config}. */
    public static Pipeline assemble(ResolvedConfig config) {
        return new Pipeline(
                (Domain) config.create(ExtensionPoint.DOMAIN),
                (NoiseSchedule) config.create(ExtensionPoint.SCHEDULE),
                (Parameterization) config.create(ExtensionPoint.PARAMETERIZATION),
                (Backbone) config.create(ExtensionPoint.BACKBONE),
                (Sampler) config.create(ExtensionPoint.SAMPLER));
    }

    /** The model the training engine builds: backbone, objective, schedule and vocabulary. */
    public ModelSpec modelSpec(ResolvedConfig config) {
        String description = config.providerName(ExtensionPoint.BACKBONE) + "/"
                + config.providerName(ExtensionPoint.PARAMETERIZATION) + "/"
                + config.providerName(ExtensionPoint.SCHEDULE) + "/"
                + config.providerName(ExtensionPoint.DOMAIN);
        return new ModelSpec(backbone, parameterization, schedule, domain.vocabulary(), description);
    }
}
