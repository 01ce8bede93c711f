package org.mdlm.cli.run;

/** Whether progress may be drawn as bars (an interactive terminal) or must be logged as lines. */
public final class Terminal {

    private Terminal() {
    }

    /** True when both standard streams are attached to a terminal and MDLM_PROGRESS is not "lines". */
    public static boolean interactive() {
        return System.console() != null && !"lines".equals(System.getenv("MDLM_PROGRESS"));
    }
}
