package com.subscriptionsuite.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.text.TextRules.Shape;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @Nested
    class Real_names {
        @ParameterizedTest
        @ValueSource(strings = {
            "Ann Example", "Zoë Ðorđević", "Søren Kierkegaard", "José María Pérez-Núñez", "O'Brien",
            "Ἀριστοτέλης", "Пётр Ильич Чайковский", "毛泽东", "山田 太郎", "김민준", "محمد بن سلمان", "דוד בן-גוריון",
            "मोहनदास करमचंद गांधी", "ราชวงศ์จักรี", "Zoe\u0308 (combining diaeresis)", "Nguyễn Thị Minh Khai",
            "مهدی\u200cزاده", "👩\u200d👩\u200d👧\u200d👦 family", "Ōe Kenzaburō", "Hello \u200eRTL\u200f mark"})
        void pass_in_every_script(String name) {
            assertThat(TextRules.problem(name, Shape.SINGLE_LINE, 255)).isEmpty();
            assertThat(TextRules.isBlank(name)).isFalse();
        }

        @Test
        void are_counted_in_characters_a_person_sees_not_utf16_units() {
            String emoji = "😀".repeat(128);

            assertThat(emoji.length()).isEqualTo(256);
            assertThat(TextRules.length(emoji)).isEqualTo(128);
            assertThat(TextRules.problem(emoji, Shape.SINGLE_LINE, 255)).isEmpty();
            assertThat(TextRules.problem("😀".repeat(255), Shape.SINGLE_LINE, 255)).isEmpty();
            assertThat(TextRules.problem("😀".repeat(256), Shape.SINGLE_LINE, 255)).contains("at most 255 characters");
        }

        @Test
        void count_a_combining_mark_as_its_own_code_point() {
            assertThat(TextRules.length("Zoe\u0308")).isEqualTo(4);
            assertThat(TextRules.length("Zoë")).isEqualTo(3);
        }
    }

    @Nested
    class Trimming {
        @Test
        void removes_unicode_spaces_and_invisible_characters_at_both_ends_only() {
            assertThat(TextRules.trim("\u00a0\u200b Ann\u00a0Example \u3000\ufeff\u202f"))
                    .isEqualTo("Ann\u00a0Example");
            assertThat(TextRules.trim("\tAnn\n")).isEqualTo("Ann");
            assertThat(TextRules.trim(null)).isNull();
        }

        @Test
        void keeps_a_joiner_inside_a_word() {
            assertThat(TextRules.trim("مهدی\u200cزاده")).isEqualTo("مهدی\u200cزاده");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\u00a0\u00a0", "\u200b\u200b", "\u2007\u202f\u3000", "\ufeff", "\u3164",
            "\u200d\u200c\u2060", "\u00ad"})
        void calls_only_spaces_and_zero_width_characters_blank(String value) {
            assertThat(TextRules.isBlank(value)).isTrue();
        }
    }

    @Nested
    class Refuses {
        @ParameterizedTest
        @ValueSource(strings = {"Ann\u0000", "A\u0001nn", "Ann\u007f", "Ann\u0085x", "Ann\u009bx", "A\u001bnn"})
        void control_characters(String value) {
            assertThat(TextRules.problem(value, Shape.MULTI_LINE, 255).get()).contains("control character");
        }

        @Test
        void nul_by_its_code_point() {
            assertThat(TextRules.problem("Ann\u0000Example", Shape.SINGLE_LINE, 255))
                    .contains("contains the control character U+0000, which text cannot hold");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ann\nExample", "Ann\rExample", "Ann\r\nExample", "Ann\u2028Example",
            "Ann\u2029Example", "Ann\u000bExample", "Ann\u0085Example"})
        void line_breaks_in_single_line_text(String value) {
            assertThat(TextRules.problem(value, Shape.SINGLE_LINE, 255).get()).startsWith("must be one line");
        }

        @Test
        void not_line_breaks_and_tabs_in_multi_line_text() {
            assertThat(TextRules.problem("c/o Example\r\n3rd floor\n\tleft door", Shape.MULTI_LINE, 255)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u202eevil.exe", "a\u202ab", "a\u202bb", "a\u202cb", "a\u202db", "a\u2066b",
            "a\u2067b", "a\u2068b", "a\u2069b"})
        void bidirectional_controls(String value) {
            assertThat(TextRules.problem(value, Shape.SINGLE_LINE, 255).get()).contains("bidirectional control U+");
        }

        @Test
        void lone_surrogates_but_not_pairs() {
            assertThat(TextRules.problem("Ann\ud800", Shape.SINGLE_LINE, 255).get())
                    .contains("lone UTF-16 surrogate U+D800 at position 4");
            assertThat(TextRules.problem("\udc00Ann", Shape.SINGLE_LINE, 255).get()).contains("U+DC00");
            assertThat(TextRules.problem("\ud83d\ude00", Shape.SINGLE_LINE, 255)).isEmpty();
        }

        @Test
        void noncharacters() {
            assertThat(TextRules.problem("a\uffffb", Shape.SINGLE_LINE, 255).get()).contains("not a character");
            assertThat(TextRules.problem("a\ufdd0b", Shape.SINGLE_LINE, 255).get()).contains("not a character");
            assertThat(TextRules.problem("a" + new String(Character.toChars(0x1FFFE)), Shape.SINGLE_LINE, 255).get())
                    .contains("U+1FFFE");
        }
    }
}
