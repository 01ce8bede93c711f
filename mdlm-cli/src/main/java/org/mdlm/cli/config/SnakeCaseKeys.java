package org.mdlm.cli.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * Maps camelCase record components to snake_case config keys with an underscore before every
 * capital ({@code evalTSamples -> eval_t_samples}); Jackson's own SNAKE_CASE would merge runs of
 * capitals ({@code eval_tsamples}).
 */
public final class SnakeCaseKeys extends PropertyNamingStrategies.NamingBase {
    private static final long serialVersionUID = 1L;

    @Override
    public String translate(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
