package org.chemoadvisor.rulepack.load;

/** A rule pack table could not be read; the message names the file and line. */
public class RulePackLoadException extends RuntimeException {

    public RulePackLoadException(String message) {
        super(message);
    }

    public RulePackLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    public static RulePackLoadException at(String file, long line, String problem) {
        return new RulePackLoadException(file + " line " + line + ": " + problem);
    }
}
