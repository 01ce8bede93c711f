/**
 * Fine-tuning a pretrained backbone for sequence classification, with k-fold cross-validation: the
 * classifier graph (the backbone's features, mean-pooled over valid positions, a linear head,
 * softmax cross-entropy), labelled sequence tasks read from {@code sequence<TAB>label} files,
 * stratified folds, the training loop of one fold and the cross-validation of an initialisation
 * (pretrained weights or a fresh seeded one).
 */
package org.mdlm.engine.finetune;
