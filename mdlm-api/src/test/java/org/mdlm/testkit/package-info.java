/**
 * Test helpers shared by every module through mdlm-api's test jar (never shipped in a runtime jar):
 * the check that a module's {@code module-info.java} and its {@code META-INF/services} agree, and
 * the locator of the project's test data ({@code testdata/}) and of the full corpora of the data profile.
 */
package org.mdlm.testkit;
