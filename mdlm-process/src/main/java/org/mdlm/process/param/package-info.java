/** Parameterizations: SUBS (zero masking probability, carry-over unmasking, continuous-time NELBO). */
package org.mdlm.process.param;
