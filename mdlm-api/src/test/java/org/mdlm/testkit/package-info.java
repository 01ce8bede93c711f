/**
 * Test helpers shared by every module through mdlm-api's test jar (never shipped in a runtime jar):
 * the check that a module's {@code module-info.java} and its {@code META-INF/services} agree.
 */
package org.mdlm.testkit;
