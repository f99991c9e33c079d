import { startFakeGoogle } from "../../fixtures/fake-google";
import { describeProviderContract } from "./contract";

describeProviderContract({ provider: "google", model: "imagen-4", start: startFakeGoogle, urls: false });
