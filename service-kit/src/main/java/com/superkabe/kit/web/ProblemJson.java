package com.superkabe.kit.web;

/** A minimal problem document written by hand where no message converter runs (container errors). */
final class ProblemJson {

    private ProblemJson() {
    }

    static String of(int status, String title, String detail) {
        return "{\"type\":" + quote(ProblemTypes.forStatus(status).toString()) + ",\"title\":" + quote(title)
                + ",\"status\":" + status + ",\"detail\":"
                + quote(detail) + "}";
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
