package org.trainkit.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecParserTest {

    @Test
    void readsNumbersWordsPairsListsAndNestedSchedules() {
        Spec spec = SpecParser.parse(
                " outer( a = 3e-4 ,b=exp, c=[0:1e-3, 10:2.5], d=inner(x=-1.5E+2), e=[], f=[p(), q(y=1)] ) ");
        assertEquals("outer", spec.name());
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), List.copyOf(spec.args().keySet()));
        assertEquals(3e-4, ((Spec.Num) spec.args().get("a")).value());
        assertEquals("3e-4", ((Spec.Num) spec.args().get("a")).text());
        assertEquals("exp", ((Spec.Word) spec.args().get("b")).text());
        Spec.ListOf knots = (Spec.ListOf) spec.args().get("c");
        Spec.Pair second = (Spec.Pair) knots.items().get(1);
        assertEquals(10, second.left().value());
        assertEquals(2.5, second.right().value());
        Spec inner = ((Spec.Nested) spec.args().get("d")).spec();
        assertEquals("inner", inner.name());
        assertEquals(-150, ((Spec.Num) inner.args().get("x")).value());
        assertTrue(((Spec.ListOf) spec.args().get("e")).items().isEmpty());
        List<Spec.Value> parts = ((Spec.ListOf) spec.args().get("f")).items();
        assertInstanceOf(Spec.Nested.class, parts.get(0));
        assertEquals("q", ((Spec.Nested) parts.get(1)).spec().name());
    }

    @Test
    void syntaxErrorsGiveTheColumnAndWhatWasExpected() {
        assertEquals("bad spec at column 12: expected '=', found ',' in 'cosine(peak,3)'",
                message("cosine(peak,3)"));
        assertEquals("bad spec at column 7: expected '(', found the end of the text in 'cosine'", message("cosine"));
        assertEquals("bad spec at column 15: expected ',' or ')' after the value of 'peak' in cosine(...), found 'x'"
                + " in 'cosine(peak=1 x)'", message("cosine(peak=1 x)"));
        assertEquals("bad spec at column 21: unexpected text after the schedule, found 'x' in 'constant(peak=1e-3) x'",
                message("constant(peak=1e-3) x"));
        assertEquals("bad spec at column 15: expected the exponent's digits, found ')' in 'cosine(peak=1e)'",
                message("cosine(peak=1e)"));
        assertEquals("bad spec at column 13: expected a value (number, word, [list] or schedule), found ')' in "
                + "'cosine(peak=)'", message("cosine(peak=)"));
        assertEquals("bad spec at column 25: expected ',' or ']' in a list, found ')' in "
                + "'piecewise(points=[0:1e-3)'", message("piecewise(points=[0:1e-3)"));
        assertEquals("cosine: key 'peak' given twice", message("cosine(peak=1, peak=2)"));
        assertTrue(message("  ").startsWith("bad spec: empty text"));
        assertTrue(message("cosine(peak=1e999)").contains("number out of range: 1e999"));
    }

    private static String message(String text) {
        return assertThrows(SpecException.class, () -> SpecParser.parse(text)).getMessage();
    }
}
