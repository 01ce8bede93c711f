/** Graph building blocks shared by backbones (linear, layer norm, attention, rotary); not exported. */
package org.mdlm.backbones.layers;
