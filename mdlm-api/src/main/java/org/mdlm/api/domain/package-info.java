/** Data domains: vocabularies, tokenizers, corpora as token streams, encoding and decoding. */
package org.mdlm.api.domain;
