package com.superkabe.replypoller.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void stripsAngleBracketsAndSurroundingWhitespace() {
        assertThat(MessageIds.normalise("  <a.b@host.test>\r\n")).contains("a.b@host.test");
    }

    @Test
    void readsEveryIdOfAFoldedReferencesHeaderInOrder() {
        assertThat(MessageIds.parseAll("<1@a.test>\r\n\t<2@b.test> <3@c.test>"))
                .containsExactly("1@a.test", "2@b.test", "3@c.test");
    }

    @Test
    void acceptsABareIdWrittenWithoutBrackets() {
        assertThat(MessageIds.normalise("x@y.test")).contains("x@y.test");
    }

    @Test
    void findsNothingInAnEmptyOrNullHeader() {
        assertThat(MessageIds.normalise(null)).isEmpty();
        assertThat(MessageIds.parseAll("")).isEmpty();
    }
}
