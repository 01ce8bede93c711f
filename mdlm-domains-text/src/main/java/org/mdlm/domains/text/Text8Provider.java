package org.mdlm.domains.text;

import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.DomainProvider;

/** Provides the {@code "text8"} character domain ({@link Text8Domain}). */
public final class Text8Provider implements DomainProvider<Text8Config> {

    /** The provider's short name. */
    public static final String NAME = "text8";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public Text8Provider() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "characters a-z + space (ids 0-26, mask 27); data: text8 directory, .txt/.jsonl[.gz] file, "
                + "or the embedded public-domain corpus";
    }

    /** {@inheritDoc} */
    @Override
    public Class<Text8Config> configType() {
        return Text8Config.class;
    }

    /** {@inheritDoc} Here the embedded corpus. */
    @Override
    public Text8Config defaultConfig() {
        return Text8Config.defaults();
    }

    /** {@inheritDoc} */
    @Override
    public Domain create(Text8Config config) {
        return new Text8Domain(config);
    }
}
