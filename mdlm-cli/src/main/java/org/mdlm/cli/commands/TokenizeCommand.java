package org.mdlm.cli.commands;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.mdlm.api.domain.Tokenizer;
import org.mdlm.api.domain.TokenizerProvider;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.cli.run.ClusterTokenizationProvider;
import org.mdlm.cli.run.CorpusTokenization;
import org.mdlm.cli.run.TokenizedSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mdlm tokenize}: text to token ids of a named tokenizer, or ids back to text; with
 * {@code --spark MASTER --input DIR --out DIR} a whole corpus into token-cache entries on a cluster.
 */
@Command(name = "tokenize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the token ids of TEXT (space-separated), or with --decode the text",
                "of ids: the quickest way to check a vocabulary.",
                "With --spark MASTER --input DIR --out DIR, tokenize a corpus on Spark instead:",
                "the splits train, valid and test of DIR (each a .jsonl, .jsonl.gz or .parquet",
                "file, or a folder of them) become token-cache entries OUT/train, OUT/valid and",
                "OUT/test, which training reads with --data OUT --set domain.format=tokens.",
                "Shipped tokenizers:",
                "  gpt2               GPT-2 byte-level BPE: 50257 ids, <|endoftext|> 50256,",
                "                     mask 50257",
                "  bert-base-uncased  BERT WordPiece: 30522 ids, adds [CLS] 101 ... [SEP] 102,",
                "                     [MASK] 103, [PAD] 0",
                "  char               the text8 alphabet: a-z 0-25, space 26, mask 27",
                "`mdlm plugins` lists every tokenizer installed."},
        footer = {"", "Examples:",
                "  mdlm tokenize --tokenizer gpt2 Hello world             prints 15496 995",
                "  mdlm tokenize --tokenizer gpt2 --decode 15496 995      prints Hello world",
                "  mdlm tokenize --tokenizer bert-base-uncased \"Héllo, world\"",
                "  mdlm tokenize --spark local[2] --tokenizer gpt2 --input corpus/ --out tokens/",
                "  mdlm train --preset webtext-standin --data tokens/ --set domain.format=tokens"})
public final class TokenizeCommand implements Callable<Integer> {

    @Option(names = {"-t", "--tokenizer"}, paramLabel = "NAME", defaultValue = "gpt2",
            description = "Tokenizer to use (default: ${DEFAULT-VALUE}).")
    String tokenizer;
    @Option(names = "--decode", description = "Read TEXT as token ids (integers separated by spaces or commas) and "
            + "print their text.")
    boolean decode;
    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "The text (several arguments are joined by one "
            + "space), or with --decode the ids.")
    List<String> input = List.of();
    @Option(names = "--spark", paramLabel = "MASTER", description = "Tokenize the corpus of --input on Spark: local[N] "
            + "on this machine, spark://HOST:PORT, yarn, ... (the mdlm launcher adds Spark).")
    String spark;
    @Option(names = "--input", paramLabel = "DIR", description = "Corpus folder holding the splits train, valid and test: "
            + "each a JSON-lines file (a \"text\" field per line, gzip allowed), a Parquet file or a folder of such "
            + "files (read in name order).")
    String corpus;
    @Option(names = "--out", paramLabel = "DIR", description = "Where the entries train/, valid/ and test/ go; "
            + "driver and executors must see it at the same path.")
    Path out;
    @Option(names = "--column", paramLabel = "NAME", defaultValue = "text",
            description = "Parquet column holding the documents (default: ${DEFAULT-VALUE}).")
    String column;
    @Option(names = "--packing", paramLabel = "wrap|pad", defaultValue = "wrap", description = "wrap: documents "
            + "joined, the end-of-sequence id after each (default); pad: one row of --row-length ids per document.")
    String packing;
    @Option(names = "--row-length", paramLabel = "N", defaultValue = "0",
            description = "Ids per row with --packing pad (the model's sequence length).")
    int rowLength;
    @Option(names = "--shard-tokens", paramLabel = "N", defaultValue = "0",
            description = "Ids per shard file (default: the token cache's 2^26).")
    long shardTokens;
    @Spec
    CommandSpec spec;

    private final PluginRegistry registry;

    /** Creates the command. */
    @Inject
    public TokenizeCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        if (corpus != null || out != null || spark != null) {
            return tokenizeCorpus();
        }
        if (input.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give TEXT to tokenize, or a corpus with --spark MASTER "
                    + "--input DIR --out DIR");
        }
        TokenizerProvider<?> provider = registry.find(ExtensionPoint.TOKENIZER, tokenizer, TokenizerProvider.class);
        Tokenizer t = provider.createFromRecord(provider.defaultConfig());
        PrintWriter out = spec.commandLine().getOut();
        if (decode) {
            out.println(t.decode(ids(t)));
        } else {
            StringJoiner line = new StringJoiner(" ");
            for (int id : t.encode(String.join(" ", input))) {
                line.add(Integer.toString(id));
            }
            out.println(line);
        }
        return 0;
    }

    private int tokenizeCorpus() {
        if (corpus == null || out == null || spark == null) {
            throw new ParameterException(spec.commandLine(), "a corpus is tokenized with --spark MASTER, --input DIR and"
                    + " --out DIR together (local[N] runs Spark on this machine); missing: "
                    + (spark == null ? "--spark " : "") + (corpus == null ? "--input " : "") + (out == null ? "--out" : ""));
        }
        if (!input.isEmpty() || decode) {
            throw new ParameterException(spec.commandLine(), "TEXT and --decode do not go with --input; drop them");
        }
        registry.find(ExtensionPoint.TOKENIZER, tokenizer, TokenizerProvider.class);
        CorpusTokenization request = new CorpusTokenization(corpus, out, tokenizer, column, packing, rowLength,
                shardTokens);
        PrintWriter err = spec.commandLine().getErr();
        List<TokenizedSplit> splits = ClusterTokenizationProvider.find("spark", getClass().getClassLoader())
                .tokenize(spark, request, err);
        PrintWriter stdout = spec.commandLine().getOut();
        for (TokenizedSplit s : splits) {
            stdout.printf(Locale.ROOT, "%s: %,d documents, %,d tokens in %d shard%s, %.1f s (%,.0f tokens/s) -> %s%n",
                    s.split(), s.documents(), s.tokens(), s.shards(), s.shards() == 1 ? "" : "s", s.seconds(),
                    s.tokensPerSecond(), s.entry());
        }
        stdout.println("train on them with: --data " + out + " --set domain.format=tokens --set domain.tokenizer="
                + tokenizer + (request.packing().equals("pad") ? " --set domain.packing=pad --set domain.row_length="
                + rowLength : ""));
        return 0;
    }

    /** The ids of the arguments, each checked against the tokenizer's range. */
    private int[] ids(Tokenizer t) {
        List<Integer> ids = new ArrayList<>();
        for (String arg : input) {
            for (String part : arg.trim().split("[\\s,]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                int id;
                try {
                    id = Integer.parseInt(part);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + part + "' is not a token id; --decode takes integer ids 0.."
                            + (t.size() - 1) + " of " + t.name() + ", separated by spaces or commas");
                }
                if (id < 0 || id >= t.size()) {
                    throw new IllegalArgumentException("token id " + id + " is outside " + t.name() + "'s ids 0.."
                            + (t.size() - 1) + " (mask " + t.maskId() + ")");
                }
                ids.add(id);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
