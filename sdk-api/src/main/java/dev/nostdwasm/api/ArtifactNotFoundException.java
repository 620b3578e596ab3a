package dev.nostdwasm.api;

/**
 * {@link Engine#loadResource} found no artifact made for the engine on the class path. The message
 * names the artifact it looked for, lists the artifacts of that module that do exist (built for
 * other profiles, targets, fuel or epoch settings), and says which precompiler or Maven plugin
 * options would make the right one.
 */
public class ArtifactNotFoundException extends ArtifactException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with the message {@link Engine#loadResource} builds (see the class comment).
     *
     * @param message what was looked for, what exists, and the options that make the right one
     */
    public ArtifactNotFoundException(String message) {
        super(message);
    }
}
