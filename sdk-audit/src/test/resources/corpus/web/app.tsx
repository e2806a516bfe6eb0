// Shop front end. See http://developer.mozilla.org/en-US/docs/Web/API/fetch
import React from "react";

const API = "http://api.shop-backend.com";
const socket = new WebSocket("ws://localhost:3000/updates");

export function Icon() {
  return <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0" /></svg>;
}

export async function cart() {
  /* legacy: http://cart.shop-backend.com */
  return fetch(`${API}/cart`);
}

export const images = "http://cdn.shop-assets.net/img/";
