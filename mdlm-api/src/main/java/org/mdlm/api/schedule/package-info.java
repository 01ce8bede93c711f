/** Noise schedules: sigma(t), its derivative and the masking probability they imply. */
package org.mdlm.api.schedule;
