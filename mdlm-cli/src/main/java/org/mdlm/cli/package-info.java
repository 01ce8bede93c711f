/** Entry point of the {@code mdlm} command and its top-level command. */
package org.mdlm.cli;
