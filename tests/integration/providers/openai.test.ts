import { startFakeOpenAiProvider } from "../../fixtures/fake-openai";
import { describeProviderContract } from "./contract";

describeProviderContract({ provider: "openai", model: "gpt-image-1", start: startFakeOpenAiProvider, urls: false });
