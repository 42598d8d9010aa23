package dev.paygo.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardNumberTest {
    @Test
    void validNumbersKeepOnlyBrandAndLastFour() {
        assertThat(CardNumber.parse("4242 4242 4242 4242")).contains(new CardNumber("visa", "4242"));
        assertThat(CardNumber.parse("5555-5555-5555-4444")).contains(new CardNumber("mastercard", "4444"));
        assertThat(CardNumber.parse("2223003122003222")).contains(new CardNumber("mastercard", "3222"));
        assertThat(CardNumber.parse("378282246310005")).contains(new CardNumber("amex", "0005"));
        assertThat(CardNumber.parse("6011111111111117")).contains(new CardNumber("discover", "1117"));
        assertThat(CardNumber.parse("3530111333300000")).contains(new CardNumber("jcb", "0000"));
    }

    @Test
    void numbersFailingLuhnOrLengthAreRefused() {
        assertThat(CardNumber.parse("4242424242424241")).isEmpty();
        assertThat(CardNumber.parse("42424242424")).isEmpty();
        assertThat(CardNumber.parse("42424242424242424242")).isEmpty();
        assertThat(CardNumber.parse("4242x24242424242")).isEmpty();
        assertThat(CardNumber.parse("")).isEmpty();
    }

    @Test
    void maskShowsOnlyTheLastFourDigits() {
        assertThat(CardNumber.parse("4000056655665556").orElseThrow().masked()).isEqualTo("XXXX-XXXX-XXXX-5556");
    }
}
