package com.subscriptionsuite.bootstrap.tenantfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CodesCsvTest {
    @Test
    void reads_one_code_per_line_and_knows_each_line() {
        CodesCsv csv = CodesCsv.parse("AB-1\nAB-2\nAB-3\n");
        assertThat(csv.codes()).containsExactly("AB-1", "AB-2", "AB-3");
        assertThat(csv.lines()).containsExactly(1, 2, 3);
    }

    @Test
    void skips_a_header_line_named_code_in_any_case() {
        assertThat(CodesCsv.parse("code\nAB-1\n").codes()).containsExactly("AB-1");
        assertThat(CodesCsv.parse("\"Code\"\r\nAB-1\r\n").lines()).containsExactly(2);
    }

    @Test
    void takes_code_as_a_code_after_the_first_line() {
        assertThat(CodesCsv.parse("AB-1\ncode\n").codes()).containsExactly("AB-1", "code");
    }

    @Test
    void skips_blank_lines_and_surrounding_blanks_but_counts_their_lines() {
        CodesCsv csv = CodesCsv.parse("\uFEFFcode\n\n  AB-1  \r\n\t\nAB-2");
        assertThat(csv.codes()).containsExactly("AB-1", "AB-2");
        assertThat(csv.lines()).containsExactly(3, 5);
    }

    @Test
    void unquotes_values_as_spreadsheets_write_them() {
        assertThat(CodesCsv.parse("\"AB-1\"\n\"A\"\"B\"\n").codes()).containsExactly("AB-1", "A\"B");
    }

    @Test
    void leaves_anything_else_on_a_line_to_the_rules() {
        assertThat(CodesCsv.parse("AB-1,extra\n").codes()).containsExactly("AB-1,extra");
    }

    @Test
    void reads_an_empty_file_as_no_codes() {
        assertThat(CodesCsv.parse("").codes()).isEmpty();
        assertThat(CodesCsv.parse("code\n").codes()).isEmpty();
    }

    @Test
    void refuses_text_that_is_not_utf_8() {
        byte[] latin1 = "CAFÉ-1\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CodesCsv.read(new ByteArrayInputStream(latin1)))
                .isInstanceOf(IOException.class).hasMessage("not UTF-8 text");
    }

    @Test
    void moves_a_problem_about_the_nth_code_to_its_line_in_the_file() {
        CodesCsv csv = CodesCsv.parse("code\nAB-1\n\nAB-2\n");
        assertThat(csv.fileLine("line 1")).isEqualTo("line 2");
        assertThat(csv.fileLine("line 2")).isEqualTo("line 4");
        assertThat(csv.fileLine("line 3")).isEqualTo("line 3");
        assertThat(csv.fileLine("file")).isEqualTo("file");
    }
}
