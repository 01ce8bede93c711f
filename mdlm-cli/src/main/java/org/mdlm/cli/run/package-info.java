/** Run directories, pipeline assembly from a resolved config, metrics and progress reporting. */
package org.mdlm.cli.run;
