package org.mdlm.cli.commands;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.mdlm.api.domain.Tokenizer;
import org.mdlm.api.domain.TokenizerProvider;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mdlm tokenize}: text to token ids of a named tokenizer, or ids back to text. */
@Command(name = "tokenize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the token ids of TEXT (space-separated), or with --decode the text",
                "of ids: the quickest way to check a vocabulary. Shipped tokenizers:",
                "  gpt2               GPT-2 byte-level BPE: 50257 ids, <|endoftext|> 50256,",
                "                     mask 50257",
                "  bert-base-uncased  BERT WordPiece: 30522 ids, adds [CLS] 101 ... [SEP] 102,",
                "                     [MASK] 103, [PAD] 0",
                "  char               the text8 alphabet: a-z 0-25, space 26, mask 27",
                "`mdlm plugins` lists every tokenizer installed."},
        footer = {"", "Examples:",
                "  mdlm tokenize --tokenizer gpt2 Hello world             prints 15496 995",
                "  mdlm tokenize --tokenizer gpt2 --decode 15496 995      prints Hello world",
                "  mdlm tokenize --tokenizer bert-base-uncased \"Héllo, world\""})
public final class TokenizeCommand implements Callable<Integer> {

    @Option(names = {"-t", "--tokenizer"}, paramLabel = "NAME", defaultValue = "gpt2",
            description = "Tokenizer to use (default: ${DEFAULT-VALUE}).")
    String tokenizer;
    @Option(names = "--decode", description = "Read TEXT as token ids (integers separated by spaces or commas) and "
            + "print their text.")
    boolean decode;
    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The text (several arguments are joined by one "
            + "space), or with --decode the ids.")
    List<String> input;
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
