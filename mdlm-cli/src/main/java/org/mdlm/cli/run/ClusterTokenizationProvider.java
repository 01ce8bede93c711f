package org.mdlm.cli.run;

import java.io.PrintWriter;
import java.util.List;
import org.mdlm.cli.config.ConfigException;

/**
 * Tokenizes corpora on a cluster for {@code mdlm tokenize --spark MASTER --input DIR --out DIR};
 * found with {@link java.util.ServiceLoader} on the class path, as {@link ClusterTrainingProvider} is, so the
 * CLI needs no cluster library (mdlm-spark provides {@code spark}).
 */
public interface ClusterTokenizationProvider {

    /** The cluster kind, as in the option that asks for it: {@code spark} for {@code --spark}. */
    String name();

    /**
     * Connects to the cluster at {@code master}, tokenizes every split of the request into its entry
     * and disconnects.
     *
     * @param log where progress and connection messages go
     * @return the splits written, in the order train, valid, test
     * @throws org.mdlm.api.domain.DataException when the corpus is missing, malformed or empty (the
     *         message names the file and line) or an entry already exists
     */
    List<TokenizedSplit> tokenize(String master, CorpusTokenization request, PrintWriter log);

    /**
     * The provider named {@code name} that {@code loader} finds.
     *
     * @throws ConfigException saying how to put it on the class path when there is none
     */
    static ClusterTokenizationProvider find(String name, ClassLoader loader) {
        return ClusterProviders.find(ClusterTokenizationProvider.class, ClusterTokenizationProvider::name, name, "tokenize", loader);
    }
}
