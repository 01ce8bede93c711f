/** The absorbing (masking) forward process and antithetic time sampling. */
package org.mdlm.process.forward;
