import { startFakeReplicate } from "../../fixtures/fake-replicate";
import { describeProviderContract } from "./contract";

describeProviderContract({ provider: "replicate", model: "ideogram-v2-turbo", start: startFakeReplicate, urls: true });
