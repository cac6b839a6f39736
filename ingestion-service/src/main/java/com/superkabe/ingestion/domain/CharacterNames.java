package com.superkabe.ingestion.domain;

import java.util.Locale;

/** How a refused code point is named to a human: its Unicode name and number. */
final class CharacterNames {

    private CharacterNames() {
    }

    static String describe(int cp) {
        String number = String.format(Locale.ROOT, "U+%04X", cp);
        String name = Character.getName(cp);
        return name == null ? number : name + " (" + number + ")";
    }
}
