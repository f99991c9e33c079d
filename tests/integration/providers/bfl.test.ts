import { startFakeBfl } from "../../fixtures/fake-bfl";
import { describeProviderContract } from "./contract";

describeProviderContract({ provider: "bfl", model: "flux-2-pro", start: startFakeBfl, urls: true });
