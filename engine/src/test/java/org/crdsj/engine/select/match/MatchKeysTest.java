package org.crdsj.engine.select.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** glob_list, glob_compress and esoteric_key (spec 7.1 and 4.1.1). */
class MatchKeysTest {

    static Stream<Arguments> globLists() {
        return Stream.of(
                arguments("FOO|BAR | BAZ", List.of("BAR", "BAZ", "FOO")),
                arguments("FOO|BAR | BAZ| ", List.of("BAR", "BAZ", "FOO")),
                arguments("FOO", List.of("FOO")),
                arguments("FOO|", List.of("FOO")),
                arguments("{THIS|THAT|OTHER}", List.of("{THIS|THAT|OTHER}")),
                arguments("(THIS|THAT|OTHER)", List.of("(THIS|THAT|OTHER)")),
                arguments("#THIS|THAT|OTHER#", List.of("#THIS|THAT|OTHER#")),
                arguments(" FOO ", List.of(" FOO ")),
                arguments("|", List.of()),
                arguments("B|A|B", List.of("A", "B", "B")),
                arguments("b|B|_|1", List.of("1", "B", "_", "b")));
    }

    @ParameterizedTest(name = "glob_list({0}) = {1}")
    @MethodSource("globLists")
    void globList(String key, List<String> expected) {
        assertEquals(expected, MatchKeys.globList(key));
    }

    @Test
    void globListSortsByCodePointLikePython() {
        // U+FF21 sorts before U+1F600 in Python; UTF-16 order would put the surrogate pair first
        assertEquals(List.of("\uff21", "\ud83d\ude00"), MatchKeys.globList("\ud83d\ude00|\uff21"));
    }

    static Stream<Arguments> globCompressions() {
        return Stream.of(
                arguments("FOO|BAR | BAZ", "BAR|BAZ|FOO"),
                arguments("FOO|BAR | BAZ|", "BAR|BAZ|FOO"),
                arguments("#THIS|  THAT |OTHER#", "#THIS|  THAT |OTHER#"));
    }

    @ParameterizedTest(name = "glob_compress({0}) = {1}")
    @MethodSource("globCompressions")
    void globCompress(String key, String expected) {
        assertEquals(expected, MatchKeys.globCompress(key));
    }

    @ParameterizedTest(name = "esoteric {0}")
    @ValueSource(strings = {"NOT FUN", "{x}", "#x#", "(x)", "{x)", "BETWEEN 100 200", "{ThisIsATest}",
        "#ThisIsATest#", "(ThisIsATest)", "{ThisIsATest)", "not fun", "NOTHING", "between", "#"})
    void esoteric(String key) {
        assertEquals(true, MatchKeys.isEsoteric(key));
    }

    @ParameterizedTest(name = "not esoteric {0}")
    @ValueSource(strings = {"FUN", "FOO|BAR|BAZ", "", "{X", "X}", " NOT X", "(X|Y"})
    void notEsoteric(String key) {
        assertEquals(false, MatchKeys.isEsoteric(key));
    }
}
