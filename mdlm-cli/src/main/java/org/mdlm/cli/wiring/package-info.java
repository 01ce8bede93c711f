/** Guice wiring of the CLI: registry, JSON mapper, presets, config resolver and the picocli factory. */
package org.mdlm.cli.wiring;
