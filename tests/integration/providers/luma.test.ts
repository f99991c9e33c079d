import { startFakeLuma } from "../../fixtures/fake-luma";
import { describeProviderContract } from "./contract";

describeProviderContract({ provider: "luma", model: "luma-photon", start: startFakeLuma, urls: true });
