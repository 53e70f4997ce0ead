package org.chemoadvisor.rulepack.load;

import static org.chemoadvisor.rulepack.load.Column.is;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chemoadvisor.rulepack.CodeSets;

/**
 * The product's own code sets that are not published as ValueSets (code-sets.csv: set, code,
 * note, source). Every set name the rules use is a constant of {@link CodeSets}; a constant without
 * codes (in this table or a ValueSet) would make a rule silently see nothing, so it stops loading.
 */
final class CodeSetsReader {

    static final Column SET = Column.required("set", is("set", "setname"));
    static final Column CODE = Column.required("code", is("code"));
    private static final List<Column> COLUMNS = List.of(SET, CODE);

    private CodeSetsReader() {
    }

    static Map<String, List<String>> read(TableSource source, SharedValues shared) {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        TableReader.read(source, COLUMNS, shared, row -> {
            String set = row.text(SET);
            if (set.isEmpty()) {
                throw row.error(SET, "is empty");
            }
            sets.computeIfAbsent(set, k -> new ArrayList<>()).add(row.code(CODE));
        });
        return sets;
    }

    static void requireEveryNamedSet(String file, Map<String, List<String>> sets) {
        List<String> missing = new ArrayList<>();
        for (Field field : CodeSets.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String name = constant(field);
                if (sets.getOrDefault(name, List.of()).isEmpty()) {
                    missing.add(name + " (CodeSets." + field.getName() + ")");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new RulePackLoadException(file + ": no codes for the code set(s) " + String.join(", ", missing)
                    + "; every set the rules name must have codes: rows of code-sets.csv or a ValueSet named in"
                    + " rulepack.properties (valueset.<set>=<file>)");
        }
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
