package com.superkabe.mailguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MailHostPolicyTest {

    private static final MailHostPolicy STRICT = MailHostPolicy.of(List.of(), List.of(15432, 19092));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.3.4.5", "::1", "0.0.0.0", "::", "169.254.169.254", "fe80::1",
            "10.1.2.3", "172.16.0.1", "192.168.1.1", "fc00::1", "fd12:3456::1", "224.0.0.1", "ff02::1",
            "255.255.255.255", "100.64.0.1", "::ffff:127.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe"})
    void refusesEveryLocalPrivateAndSpecialAddressByDefault(String literal) throws Exception {
        assertThat(STRICT.refusal(literal, InetAddress.getByName(literal), 25)).isPresent();
        assertThat(STRICT.refusalWithoutLookup(literal, 25)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"142.250.1.27", "2a00:1450:4001:81b::1b", "8.8.8.8"})
    void acceptsPublicUnicastAddresses(String literal) throws Exception {
        assertThat(STRICT.refusal(literal, InetAddress.getByName(literal), 587)).isEmpty();
    }

    @Test
    void refusesAMetadataAddressWithAReasonNamingItsKind() throws Exception {
        assertThat(STRICT.refusal("169.254.169.254", InetAddress.getByName("169.254.169.254"), 80))
                .hasValueSatisfying(r -> assertThat(r).contains("169.254.169.254").contains("link-local")
                        .contains("superkabe.mailbox.allowed-hosts"));
    }

    @Test
    void allowsLoopbackOnlyWhenTheOperatorAllowListsItAndStillRefusesThePlatformsOwnPorts() throws Exception {
        MailHostPolicy local = MailHostPolicy.of(List.of("127.0.0.0/8", "::1", "localhost"), List.of(15432));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");

        assertThat(local.refusal("127.0.0.1", loopback, 3025)).isEmpty();
        assertThat(local.refusal("localhost", loopback, 3143)).isEmpty();
        assertThat(local.refusal("::1", InetAddress.getByName("::1"), 3025)).isEmpty();
        assertThat(local.refusal("127.0.0.1", loopback, 15432)).hasValueSatisfying(r -> assertThat(r)
                .contains("port 15432"));
        assertThat(local.refusal("10.0.0.1", InetAddress.getByName("10.0.0.1"), 25)).isPresent();
    }

    @Test
    void judgesLocalhostNamesWithoutALookupButLeavesOtherNamesToConnectTime() {
        assertThat(STRICT.refusalWithoutLookup("localhost", 25)).isPresent();
        assertThat(STRICT.refusalWithoutLookup("db.localhost", 25)).isPresent();
        assertThat(STRICT.refusalWithoutLookup("smtp.gmail.com", 587)).isEmpty();
        assertThat(STRICT.refusalWithoutLookup("smtp.gmail.com", 19092)).isPresent();
    }

    @Test
    void refusesAnAllowListEntryThatIsNeitherNameNorAddressNorBlock() {
        assertThatThrownBy(() -> MailHostPolicy.of(List.of("http://evil/"), List.of()))
                .hasMessageContaining("superkabe.mailbox.allowed-hosts").hasMessageContaining("http://evil/");
        assertThatThrownBy(() -> MailHostPolicy.of(List.of("10.0.0.0/33"), List.of()))
                .hasMessageContaining("10.0.0.0/33");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "http://169.254.169.254/", "user@host", "127.0.0.1:15432",
            "smtp.acme.test:25", "smtp.acme.test\r\nX-Forged: 1", "smtp.acme.test\n", "smtp\u0000.acme.test",
            "smtp acme", "-smtp.acme.test", "smtp..acme.test", "2130706433", "0x7f.0.0.1.1", "[127.0.0.1]",
            "999.1.1.1", "smtp.acme.test/path", ""})
    void refusesHostsThatAreNotAHostNameOrAnIpLiteral(String host) {
        assertThat(HostSyntax.problem(host)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"smtp.gmail.com", "mail.bücher.example", "localhost", "10.0.0.1", "::1", "[::1]",
            "2a00:1450:4001:81b::1b", "outlook.office365.com"})
    void acceptsHostNamesAndIpLiterals(String host) {
        assertThat(HostSyntax.problem(host)).isEmpty();
    }

    @Test
    void escapesLineBreaksSoALoggedValueStaysOnOneLine() {
        assertThat(ControlCharacters.escaped("evil\r\n2026-12-06 INFO forged")).isEqualTo(
                "evil\\r\\n2026-12-06 INFO forged");
        assertThat(ControlCharacters.find("a\u0000b")).hasValue("U+0000");
        assertThat(ControlCharacters.find("plain")).isEmpty();
    }
}
