/** The small clusters the first lessons start from (the later ones use the article's scenario). */

/** One Docker host: docker0 and two containers. */
export const ONE_DOCKER_HOST = `# Lesson 1: one host, Docker's default bridge network.
apiVersion: podpath.dev/v1alpha1
kind: Lab
spec:
  workers: 1
  cni: docker
---
apiVersion: v1
kind: Pod
metadata:
  name: web-a
  labels: { app: web }
spec:
  nodeName: node1
  containers: [{ name: web, image: "nginx:1.27" }]
---
apiVersion: v1
kind: Pod
metadata:
  name: web-b
  labels: { app: web }
spec:
  nodeName: node1
  containers: [{ name: web, image: "nginx:1.27" }]
`;

/** Two Docker hosts: each hands out 172.17.0.2 first. */
export const TWO_DOCKER_HOSTS = `# Lesson 2: two hosts, each with its own docker0 (172.17.0.0/16 on both).
apiVersion: podpath.dev/v1alpha1
kind: Lab
spec:
  workers: 2
  cni: docker
---
apiVersion: v1
kind: Pod
metadata:
  name: web-a
  labels: { app: web }
spec:
  nodeName: node1
  containers: [{ name: web, image: "nginx:1.27" }]
---
apiVersion: v1
kind: Pod
metadata:
  name: web-b
  labels: { app: web }
spec:
  nodeName: node2
  containers: [{ name: web, image: "nginx:1.27" }]
---
apiVersion: v1
kind: Pod
metadata:
  name: db
  labels: { app: db }
spec:
  nodeName: node2
  containers: [{ name: db, image: "postgres:16" }]
`;

/** Lesson 8's first challenge: the Service's selector has a typo. */
export const SELECTOR_TYPO = `# Challenge: requests to web-svc are refused or never answered. Find out why and fix it.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: web-svc
spec:
  clusterIP: 10.100.50.50
  selector:
    app: wbe
  ports:
    - port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  nodeName: node1
  containers: [{ name: curl, image: "curlimages/curl:8.10.1" }]
`;
