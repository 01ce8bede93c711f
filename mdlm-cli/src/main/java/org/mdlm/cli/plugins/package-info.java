/** Loading third-party plugin jars from plugin folders, each jar in its own class loader. */
package org.mdlm.cli.plugins;
