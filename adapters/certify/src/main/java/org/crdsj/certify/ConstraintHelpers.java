package org.crdsj.certify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.expr.ExpressionError;
import org.crdsj.engine.expr.PythonNone;
import org.crdsj.engine.expr.PythonOperators;
import org.crdsj.engine.expr.PythonSequence;

/**
 * The functions a constraint expression may call: CRDS's certify helpers (array and table
 * checks, subarray tests, presence helpers returning a presence code or False) and the few
 * Python builtins the shipped constraint files use. Stateless.
 */
final class ConstraintHelpers {
    private ConstraintHelpers() {}

    private static final List<String> IMAGING_MODES = List.of(
            "NRC_IMAGE", "NRC_TACQ", "NRC_TACONF", "NRC_CORON", "NRC_TSIMAGE", "NRC_FOCUS", "NRC_DARK", "NRC_FLAT", "NRC_LED",
            "MIR_IMAGE", "MIR_TACQ", "MIR_LYOT", "MIR_4QPM", "MIR_DARK", "MIR_FLATIMAGE", "MIR_CORONCAL",
            "NRS_CONFIRM", "NRS_DARK", "NRS_FOCUS", "NRS_IMAGE", "NRS_MIMF", "NRS_TACONFIRM", "NRS_TACQ", "NRS_TASLIT", "NRS_VERIFY",
            "NIS_IMAGE", "NIS_TACQ", "NIS_TACONFIRM", "NIS_AMI", "NIS_FOCUS", "NIS_DARK", "NIS_LAMP",
            "FGS_IMAGE", "FGS_FOCUS", "FGS_SKYFLAT", "FGS_INTFLAT", "FGS_DARK", "FGS_ID-STACK");

    static final List<String> FULL_FRAME = List.of("FULL", "GENERIC", "N/A", "ANY", "*");

    static Object call(String name, List<Object> args, Map<String, Object> vars) {
        switch (name) {
            case "optional": return flag(args) ? "O" : Boolean.FALSE;
            case "required": return flag(args) ? "R" : Boolean.FALSE;
            case "warning": return flag(args) ? "W" : Boolean.FALSE;
            case "warn_only": return flag(args) ? Boolean.TRUE : "W";
            case "full_frame": return flag(args) ? "F" : Boolean.FALSE;
            case "subarray": return flag(args) ? "S" : Boolean.FALSE;
            case "all_subarray": return flag(args) ? "A" : Boolean.FALSE;
            case "array_exists": return arrayExists(arg(args, 0));
            case "is_table": return arg(args, 0) instanceof ArrayInfo a && a.kind().equals("TABLE");
            case "is_image": return arg(args, 0) instanceof ArrayInfo a && a.kind().equals("IMAGE");
            case "has_columns": return hasColumns(arg(args, 0), arg(args, 1));
            case "has_type": return hasType(arg(args, 0), arg(args, 1));
            case "has_column_type": return hasColumnType(arg(args, 0), PyValues.str(arg(args, 1)), PyValues.str(arg(args, 2)));
            case "ndim": return arg(args, 0) instanceof ArrayInfo a && PythonOperators.eq((long) a.shape().size(), arg(args, 1));
            case "is_imaging_mode": return IMAGING_MODES.contains(arg(args, 0));
            case "is_full_frame": return FULL_FRAME.contains(arg(args, 0));
            case "is_subarray": return !"UNDEFINED".equals(arg(args, 0)) && !FULL_FRAME.contains(arg(args, 0));
            case "subarray_defined": {
                for (String k : List.of("SUBARRAY", "SUBSTRT1", "SUBSTRT2", "SUBSIZE1", "SUBSIZE2")) {
                    Object v = vars.getOrDefault(k, "UNDEFINED");
                    if ("UNDEFINED".equals(v)) return false;
                }
                return true;
            }
            case "is_irs2": return PythonOperators.contains(arg(args, 0), "IRS2");
            case "is_defined": {
                Object v = arg(args, 0);
                return !("UNDEFINED".equals(v) || v instanceof PythonNone);
            }
            case "len": return (long) length(arg(args, 0));
            case "str": return PyValues.str(arg(args, 0));
            case "abs": {
                Object v = arg(args, 0);
                if (v instanceof Double d) return Math.abs(d);
                if (v instanceof Long l) return Math.abs(l);
                throw new ExpressionError("TypeError", "bad operand type for abs(): '" + ConstraintExpression.typeName(v) + "'");
            }
            case "int": {
                Object v = arg(args, 0);
                if (v instanceof Double d) return (long) d.doubleValue();
                if (v instanceof Long) return v;
                if (v instanceof Boolean b) return b ? 1L : 0L;
                if (v instanceof String s) {
                    try {
                        return Long.parseLong(s.strip());
                    } catch (NumberFormatException e) {
                        throw new ExpressionError("ValueError", "invalid literal for int() with base 10: " + PyValues.repr(s));
                    }
                }
                throw new ExpressionError("TypeError", "int() argument must be a string or a number");
            }
            case "float": {
                Object v = arg(args, 0);
                if (v instanceof Double) return v;
                if (v instanceof Long l) return l.doubleValue();
                if (v instanceof String s) {
                    try {
                        return Double.parseDouble(s.strip());
                    } catch (NumberFormatException e) {
                        throw new ExpressionError("ValueError", "could not convert string to float: " + PyValues.repr(s));
                    }
                }
                throw new ExpressionError("TypeError", "float() argument must be a string or a number");
            }
            default:
                throw new ExpressionError("NameError", "name '" + name + "' is not defined");
        }
    }

    private static boolean flag(List<Object> args) {
        return args.isEmpty() || ConstraintExpression.truthy(args.get(0));
    }

    private static Object arg(List<Object> args, int i) {
        if (i >= args.size()) throw new ExpressionError("TypeError", "missing required positional argument");
        return args.get(i);
    }

    private static boolean arrayExists(Object a) {
        return !"UNDEFINED".equals(a);
    }

    private static int length(Object x) {
        if (x instanceof String s) return s.codePointCount(0, s.length());
        if (x instanceof PythonSequence s) return s.size();
        if (x instanceof Map<?, ?> m) return m.size();
        throw new ExpressionError("TypeError", "object of type '" + ConstraintExpression.typeName(x) + "' has no len()");
    }

    private static boolean hasColumns(Object array, Object names) {
        if (!arrayExists(array) || !(array instanceof ArrayInfo a) || a.columnNames() == null) return false;
        for (Object n : iterate(names)) if (!a.columnNames().contains(n)) return false;
        return true;
    }

    private static boolean hasType(Object array, Object types) {
        List<Object> possible = types instanceof String ? List.of(types) : iterate(types);
        for (Object t : possible) {
            String itype = imageType(PyValues.str(t));
            if (arrayExists(array) && array instanceof ArrayInfo a) {
                Object dt = a.dataType();
                if (dt instanceof String s && s.contains(itype)) return true;
                if (dt instanceof Map<?, ?> m && m.containsKey(itype)) return true;
            }
        }
        return false;
    }

    private static String imageType(String t) {
        switch (t) {
            case "COMPLEX": return "complex";
            case "INT":
            case "INTEGER": return "int";
            case "FLOAT": return "float";
            case "BOOLEAN": return "bool";
            default: return t;
        }
    }

    private static boolean hasColumnType(Object array, String column, String type) {
        if (!arrayExists(array) || !(array instanceof ArrayInfo a)) return false;
        List<String> ints = List.of(">i", "<i", "uint", "int"), floats = List.of(">f", "<f", "float", "float"),
                complexes = List.of(">c", "<c", "complex", "complex"), strings = List.of("|S");
        List<String> types;
        switch (type) {
            case "COMPLEX": types = complexes; break;
            case "COMPLEX_ARRAY": types = arrays(complexes); break;
            case "INT": case "INTEGER": types = ints; break;
            case "INT_ARRAY": case "INTEGER_ARRAY": types = arrays(ints); break;
            case "FLOAT": types = floats; break;
            case "FLOAT_ARRAY": types = arrays(floats); break;
            case "STR": case "STRING": types = strings; break;
            case "STR_ARRAY": case "STRING_ARRAY": types = arrays(strings); break;
            default: types = List.of(type);
        }
        if (a.dataType() instanceof Map<?, ?> m && m.containsKey(column.toUpperCase(java.util.Locale.ROOT))) {
            String dt = String.valueOf(m.get(column.toUpperCase(java.util.Locale.ROOT)));
            for (String t : types) if (dt.contains(t)) return true;
            return false;
        }
        throw new ExpressionError("MissingColumnError", "Data type not defined for column '" + column + "'");
    }

    private static List<String> arrays(List<String> types) {
        List<String> out = new ArrayList<>();
        for (String t : types) out.add("('" + t);
        return out;
    }

    private static List<Object> iterate(Object x) {
        if (x instanceof PythonSequence s) return new ArrayList<>(s);
        if (x instanceof String s) {
            List<Object> out = new ArrayList<>();
            s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
            return out;
        }
        throw new ExpressionError("TypeError", "'" + ConstraintExpression.typeName(x) + "' object is not iterable");
    }
}
