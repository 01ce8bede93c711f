package org.mdlm.domains.text.tokenize;

/** Provides the {@value BertTokenizer#NAME} tokenizer ({@link BertTokenizer}). */
public final class BertTokenizerProvider extends ShippedTokenizerProvider {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public BertTokenizerProvider() {
        super(BertTokenizer.NAME,
                "BERT WordPiece, bert-base-uncased vocabulary (30522 ids; [CLS] 101, [SEP] 102, [MASK] 103, [PAD] 0)",
                BertTokenizer::new);
    }
}
