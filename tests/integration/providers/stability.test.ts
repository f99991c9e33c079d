import { startFakeStability } from "../../fixtures/fake-stability";
import { describeProviderContract } from "./contract";

describeProviderContract({ provider: "stability", model: "sd-3.5-large", start: startFakeStability, urls: false });
