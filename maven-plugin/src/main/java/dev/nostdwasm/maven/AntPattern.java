package dev.nostdwasm.maven;

import java.util.regex.Pattern;

/**
 * An Ant-style path pattern as Maven uses them in includes and excludes: {@code *} and
 * {@code ?} within one path segment, {@code **} across segments ({@code **}{@code /*.wat}
 * matches {@code a.wat} too), {@code /} as the separator.
 */
final class AntPattern {

    private final String pattern;
    private final Pattern regex;

    private AntPattern(String pattern, Pattern regex) {
        this.pattern = pattern;
        this.regex = regex;
    }

    static AntPattern of(String pattern) {
        String p = pattern.trim().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.endsWith("/")) {
            p = p + "**"; // Ant: "dir/" means everything under dir
        }
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
                boolean segmentStart = i == 0 || p.charAt(i - 1) == '/';
                boolean slashAfter = i + 2 < p.length() && p.charAt(i + 2) == '/';
                if (segmentStart && slashAfter) {
                    re.append("(?:.*/)?"); // "**/": zero or more directories
                    i += 3;
                } else {
                    re.append(".*");
                    i += 2;
                }
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return new AntPattern(pattern, Pattern.compile(re.toString()));
    }

    /** Whether {@code relativePath} (separated by {@code /}) matches. */
    boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
