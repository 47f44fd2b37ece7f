package org.trainkit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.trainkit.curves.FitWarning;

/**
 * The {@code warnings} list that {@code trainkit fit --json} and {@code trainkit plan --json} both
 * print: one object per identifiability warning, {@code {"parameters": [...], "message": "..."}}.
 */
final class WarningsJson {

    private WarningsJson() {
    }

    static void write(JsonGenerator json, List<FitWarning> warnings) throws IOException {
        json.writeArrayFieldStart("warnings");
        for (FitWarning warning : warnings) {
            json.writeStartObject();
            json.writeArrayFieldStart("parameters");
            for (String name : warning.parameters()) {
                json.writeString(name);
            }
            json.writeEndArray();
            json.writeStringField("message", warning.message());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
