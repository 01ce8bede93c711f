package org.mdlm.cli.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mdlm.api.plugin.ExtensionPoint;

/** The top-level sections of a run config and the extension point each component section selects. */
public final class ConfigSections {

    /** Section name -> extension point, for the sections that name a provider with {@code "type"}. */
    public static final Map<String, ExtensionPoint> COMPONENTS;
    /** Training settings. */
    public static final String TRAIN = "train";
    /** The sampler section. */
    public static final String SAMPLER = "sampler";
    /** Post-training sampling settings. */
    public static final String SAMPLE = "sample";
    /** Free text describing the preset. */
    public static final String DESCRIPTION = "description";

    static {
        Map<String, ExtensionPoint> m = new LinkedHashMap<>();
        m.put("domain", ExtensionPoint.DOMAIN);
        m.put("schedule", ExtensionPoint.SCHEDULE);
        m.put("parameterization", ExtensionPoint.PARAMETERIZATION);
        m.put("model", ExtensionPoint.BACKBONE);
        m.put("sampler", ExtensionPoint.SAMPLER);
        COMPONENTS = java.util.Collections.unmodifiableMap(m);
    }

    private ConfigSections() {
    }

    /** Every section name a config may hold. */
    public static java.util.List<String> all() {
        java.util.List<String> all = new java.util.ArrayList<>(COMPONENTS.keySet());
        all.add(TRAIN);
        all.add(SAMPLE);
        all.add(DESCRIPTION);
        return all;
    }
}
