/** Run configuration: presets, dotted-key overrides, and binding of each section to its provider's record. */
package org.mdlm.cli.config;
