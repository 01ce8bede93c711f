package org.mdlm.samplers.ancestral;

/** Provides the ancestral sampler {@code ddpm} of MDLM (one network call per step, plus the final denoising). */
public final class DdpmProvider extends AncestralProvider {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public DdpmProvider() {
        super("ddpm", "ancestral sampling: masked tokens unmask from p(x0|xt) with prob (alpha(s)-alpha(t))/(1-alpha(t))",
                false);
    }
}
