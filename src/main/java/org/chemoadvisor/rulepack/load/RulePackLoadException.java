package org.chemoadvisor.rulepack.load;

/** A rule pack table could not be read; the message names the file, the line and the column. */
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

    public static RulePackLoadException at(String file, long line, String column, String problem) {
        return new RulePackLoadException(file + " line " + line + ", column " + column + ": " + problem);
    }
}
