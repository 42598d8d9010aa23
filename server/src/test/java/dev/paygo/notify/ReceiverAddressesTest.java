package dev.paygo.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiverAddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.0.0.1", "172.31.255.255", "192.168.0.1", "169.254.169.254",
        "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.255", "192.0.0.8", "198.18.0.1", "224.0.0.1",
        "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1"})
    void privateLoopbackAndReservedAddressesAreNotPublic(String literal) throws UnknownHostException {
        assertThat(ReceiverAddresses.isPublic(InetAddress.getByName(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1",
        "2606:4700:4700::1111", "2001:db9::1"})
    void publicAddressesArePublic(String literal) throws UnknownHostException {
        assertThat(ReceiverAddresses.isPublic(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "http:///x", "https://user@example.com/x", "https://example.com/x#f",
        "nothing", "http://exa mple.com/"})
    void malformedUrlsAreRefusedEvenWhenPrivateAddressesAreAllowed(String url) {
        assertThat(new ReceiverAddresses(true).check(url).uri()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "https://localhost/x", "http://[::1]:9/x"})
    void privateUrlsAreAcceptedWithTheFlag(String url) {
        assertThat(new ReceiverAddresses(true).check(url).uri()).isPresent();
    }
}
