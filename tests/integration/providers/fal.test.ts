import { startFakeFal } from "../../fixtures/fake-fal";
import { describeProviderContract } from "./contract";

describeProviderContract({ provider: "fal", model: "flux-2", start: startFakeFal, urls: true });
