package org.trainkit.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trainkit.checkpoint.DType;

/** Configs as users have them, and every way one can be wrong. */
class ConfigReaderTest {

    static final Path FILE = Path.of("merge.yaml");

    static MergeConfig parse(String yaml) {
        return ConfigReader.parse(FILE, yaml);
    }

    @Test
    void aTiesConfigAsTheToolDocumentsIt() {
        MergeConfig c = parse("""
                models:
                  - model: psmathur/orca_mini_v3_13b
                    parameters:
                      density: [1, 0.7, 0.1] # density gradient
                      weight: 1.0
                  - model: garage-bAInd/Platypus2-13B
                    parameters:
                      density: 0.5
                      weight: [0, 0.3, 0.7, 1] # weight gradient
                  - model: WizardLM/WizardMath-13B-V1.0
                    parameters:
                      density: 0.33
                      weight:
                        - filter: mlp
                          value: 0.5
                        - value: 0
                merge_method: ties
                base_model: TheBloke/Llama-2-13B-fp16
                parameters:
                  normalize: true
                  int8_mask: true
                dtype: float16
                """);
        assertEquals("ties", c.method());
        assertEquals(Path.of("TheBloke/Llama-2-13B-fp16"), c.base().path());
        assertEquals(3, c.models().size());
        assertEquals(DType.F16, c.outputDtype());
        ParameterValue density = c.models().get(0).parameters().get("density");
        assertEquals(1.0, density.valueFor("x", 0), 1e-12);
        assertEquals(0.7, density.valueFor("x", 0.5), 1e-12);
        assertEquals(0.4, density.valueFor("x", 0.75), 1e-12);
        ParameterValue weight = c.models().get(2).parameters().get("weight");
        assertEquals(0.5, weight.valueFor("model.layers.3.mlp.up_proj.weight", 0.3), 1e-12);
        assertEquals(0.0, weight.valueFor("model.layers.3.self_attn.q_proj.weight", 0.3), 1e-12);
        assertEquals(1.0, c.parameters().get("normalize").valueFor("x", 0));
        assertTrue(c.yaml().contains("WizardMath"));
    }

    @Test
    void aSlerpConfigWithSlices() {
        MergeConfig c = parse("""
                slices:
                  - sources:
                      - model: OpenPipe/mistral-ft-optimized-1218
                        layer_range: [0, 32]
                      - model: mlabonne/NeuralHermes-2.5-Mistral-7B
                        layer_range: [0, 32]
                merge_method: slerp
                base_model: OpenPipe/mistral-ft-optimized-1218
                parameters:
                  t:
                    - filter: self_attn
                      value: [0, 0.5, 0.3, 0.7, 1]
                    - filter: mlp
                      value: [1, 0.5, 0.7, 0.3, 0]
                    - value: 0.5
                dtype: bfloat16
                out_dtype: float32
                """);
        assertEquals(1, c.slices().size());
        assertEquals(32, c.slices().get(0).get(1).to());
        assertEquals(DType.F32, c.outputDtype());
        assertEquals(0.5, c.parameters().get("t").valueFor("lm_head.weight", 0.2), 1e-12);
        assertEquals(0.5, c.parameters().get("t").valueFor("model.layers.8.self_attn.o_proj", 0.25), 1e-12);
    }

    @Test
    void aConfigBuiltInCodeWritesYamlThatReadsBack() {
        MergeConfig built = MergeConfig.method("dare_ties").base(Path.of("base"))
                .model(ModelInput.of(Path.of("a"), "weight", 0.5, "density", 0.3))
                .model(Path.of("b"), "weight", ParameterValue.gradient(0, 1))
                .parameter("lambda", 0.8).outputDtype(DType.BF16).build();
        MergeConfig back = parse(built.yaml());
        assertEquals(built.method(), back.method());
        assertEquals(built.base(), back.base());
        assertEquals(built.models(), back.models());
        assertEquals(built.parameters(), back.parameters());
        assertEquals(DType.BF16, back.outputDtype());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level key      | merge_method: linear\\nmodels: [{model: a, parameters: {weight: 1}}]\\ntokenizer_source: base | tokenizer_source: unsupported key
            unknown model key          | merge_method: linear\\nmodels: [{model: a, lora: x, parameters: {weight: 1}}] | models[0].lora: unsupported key
            unknown method             | merge_method: frankenmerge\\nmodels: [{model: a}] | merge_method: unknown method 'frankenmerge'
            missing method             | models: [{model: a}] | merge_method: missing
            parameter the method lacks | merge_method: linear\\nmodels: [{model: a, parameters: {weight: 1, density: 0.5}}] | has no per-model parameter 'density'
            global parameter unknown   | merge_method: ties\\nbase_model: b\\nmodels: [{model: a, parameters: {weight: 1}}]\\nparameters: {lamda: 1} | has no parameter 'lamda'
            bad dtype                  | merge_method: linear\\nmodels: [{model: a, parameters: {weight: 1}}]\\ndtype: float8 | dtype: unknown dtype 'float8'
            text where a number goes   | merge_method: linear\\nmodels: [{model: a, parameters: {weight: heavy}}] | models[0].parameters.weight: expected a number
            bad filter entry           | merge_method: linear\\nmodels: [{model: a, parameters: {weight: [{filter: mlp}]}}] | weight[0]: expected {filter
            no base for ties           | merge_method: ties\\nmodels: [{model: a, parameters: {weight: 1}}] | base_model: ties needs a base model
            models and slices          | merge_method: linear\\nmodels: [{model: a}]\\nslices: [{sources: [{model: a, layer_range: [0, 1]}]}] | either models or slices
            layer ranges differ        | merge_method: linear\\nslices: [{sources: [{model: a, layer_range: [0, 2]}, {model: b, layer_range: [0, 3]}]}] | spans 3 layers
            bad layer range            | merge_method: passthrough\\nslices: [{sources: [{model: a, layer_range: [3, 1]}]}] | layer_range
            not YAML                   | merge_method: [linear | not valid YAML
            not a mapping              | - linear | expected a mapping
            """)
    void badConfigsNameTheKey(String what, String yaml, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(yaml.replace("\\n", "\n")));
        assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith("merge.yaml"), e.getMessage());
    }

    @Test
    void dtypeNames() {
        assertEquals(DType.BF16, ConfigReader.dtypeNamed("bfloat16"));
        assertEquals(DType.F16, ConfigReader.dtypeNamed("FP16"));
        assertEquals(DType.F32, ConfigReader.dtypeNamed("F32"));
        assertNull(ConfigReader.dtypeNamed("int8"));
    }
}
