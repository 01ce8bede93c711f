package org.mdlm.domains.text.tokenize;

import org.mdlm.api.domain.Tokenizer;
import org.mdlm.api.domain.TokenizerProvider;

/** Provides the {@value BertTokenizer#NAME} tokenizer ({@link BertTokenizer}). */
public final class BertTokenizerProvider implements TokenizerProvider<TokenizerConfig> {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public BertTokenizerProvider() {
    }

    @Override
    public String name() {
        return BertTokenizer.NAME;
    }

    @Override
    public String description() {
        return "BERT WordPiece, bert-base-uncased vocabulary (30522 ids; [CLS] 101, [SEP] 102, [MASK] 103, [PAD] 0)";
    }

    @Override
    public Class<TokenizerConfig> configType() {
        return TokenizerConfig.class;
    }

    @Override
    public TokenizerConfig defaultConfig() {
        return new TokenizerConfig();
    }

    @Override
    public Tokenizer create(TokenizerConfig config) {
        return new BertTokenizer();
    }
}
