/** One picocli class per {@code mdlm} subcommand. */
package org.mdlm.cli.commands;
